import { runInChildIfLarge } from './action/launch.js';
import { limitHeapGrowth } from './heap-growth.js';
import { run } from './main.js';

if (!(await runInChildIfLarge())) {
  limitHeapGrowth();
  await run();
}
