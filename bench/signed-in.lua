-- wrk script for signed-in targets (bench/run.sh): requests rotate over the learners listed in the file given
-- after `--`, one line per learner: "PATH<TAB>COOKIE". Requests are formatted once, at start.
local requests = {}
local n, i = 0, 0

function init(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^([^\t]+)\t(.+)$")
    if path then
      n = n + 1
      requests[n] = wrk.format("GET", path, { ["Accept-Encoding"] = "gzip", ["Cookie"] = cookie })
    end
  end
  if n == 0 then error("no sessions in " .. tostring(args[1])) end
  i = math.random(n) - 1
end

function request()
  i = i % n + 1
  return requests[i]
end
