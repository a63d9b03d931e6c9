-- wrk script of the busy day (bench/run-city.sh): one kind of request per wrk process, every connection a learner at
-- human pace (a request, then a pause of LO..HI ms). Arguments after `--`:
--   KIND SESSIONS SLUGS QUERIES LO HI ORIGIN
-- KIND: lesson (GET a lesson page), done (POST "I have finished this lesson", origin-checked like the page's form),
-- quiz (POST an answer to her open quiz question, with her antiforgery token), my (GET /cua-toi), search (GET /tim-kiem).
-- SESSIONS: lines "USER<TAB>COOKIE<TAB>QUIZ_PATH<TAB>TOKEN" (bench/city/sign-in.sh); SLUGS: lesson slugs, one a line.
local kind, origin, lo, hi
local sessions, slugs, queries = {}, {}, {}

local function esc(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  kind = args[1]
  for line in io.lines(args[2]) do
    local u, c, q, t = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
    if u then sessions[#sessions + 1] = { cookie = c, quiz = q, token = t } end
  end
  for line in io.lines(args[3]) do if #line > 0 then slugs[#slugs + 1] = line end end
  for line in io.lines(args[4]) do if #line > 0 then queries[#queries + 1] = line end end
  lo, hi, origin = tonumber(args[5]), tonumber(args[6]), args[7]
  if #sessions == 0 or #slugs == 0 or #queries == 0 then error("busy.lua: empty sessions, slugs or queries") end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local s = sessions[math.random(#sessions)]
  local h = { ["Accept-Encoding"] = "gzip", ["Cookie"] = s.cookie }
  if kind == "lesson" then
    return wrk.format("GET", "/bai-hoc/" .. slugs[math.random(#slugs)], h)
  elseif kind == "done" then
    h["Origin"] = origin
    h["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", "/tien-do/" .. slugs[math.random(#slugs)] .. "/hoan-thanh", h, "")
  elseif kind == "quiz" then
    h["Origin"] = origin
    h["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", s.quiz, h, "_handler=answer&__RequestVerificationToken=" .. esc(s.token) .. "&choice=" .. math.random(2))
  elseif kind == "my" then
    return wrk.format("GET", "/cua-toi", h)
  else
    return wrk.format("GET", "/tim-kiem?q=" .. esc(queries[math.random(#queries)]), h)
  end
end

function delay()
  return math.random(lo, hi)
end
