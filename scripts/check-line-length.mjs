// House rule: no source line over 120 characters (Prettier cannot break long strings, so it is checked here).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 120;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mjs', '*.js'], {
  encoding: 'utf8'
})
  .split('\n')
  .filter((f) => f && !f.startsWith('dist/') && !f.startsWith('__tests__/fixtures/') && !f.endsWith('.generated.ts'));
let over = 0;
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.length > LIMIT) {
        over++;
        if (over <= 40) console.log(`${file}:${i + 1}: ${line.length} characters`);
      }
    });
}
if (over > 0) {
  console.log(`${over} line(s) over ${LIMIT} characters.`);
  process.exitCode = 1;
}
