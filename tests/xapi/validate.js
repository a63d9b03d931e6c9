// Reads a JSON array of xAPI statements on standard input and validates each with @learninglocker/xapi-validation.
// Prints one JSON line: {"checked": N, "problems": [{"index": i, "id": "...", "warnings": ["path: message", ...]}]}.
// Exit 0 when every statement is valid, 1 when one is not, 2 when the input is not a JSON array.
'use strict';
const validate = require('@learninglocker/xapi-validation').default;

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  let statements;
  try {
    statements = JSON.parse(input);
  } catch (e) {
    console.log(JSON.stringify({ error: 'not JSON: ' + e.message }));
    process.exit(2);
  }
  if (!Array.isArray(statements)) {
    console.log(JSON.stringify({ error: 'not an array' }));
    process.exit(2);
  }
  const problems = [];
  statements.forEach((statement, index) => {
    const warnings = validate(statement);
    if (warnings.length > 0) {
      problems.push({
        index,
        id: statement && statement.id,
        warnings: warnings.map(w => (w.path || []).join('.') + ': ' + (w.constructor && w.constructor.name) + ' ' + (w.message || JSON.stringify(w.data))),
      });
    }
  });
  console.log(JSON.stringify({ checked: statements.length, problems }));
  process.exit(problems.length === 0 ? 0 : 1);
});
