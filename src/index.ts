import { limitHeapGrowth } from './heap-growth.js';
import { run } from './main.js';

limitHeapGrowth();
await run();
