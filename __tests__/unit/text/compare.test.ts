import { describe, expect, it } from '@jest/globals';
import { compareNames, compareStrings } from '../../../src/text/compare.js';

describe('compareStrings and compareNames', () => {
  it('orders output by code unit, and names within an artifact as English does, whatever LANG says', () => {
    const names = ['README.md', 'b-qlora.yml', 'ä-qlora.yml', 'adapter_config.json', 'I-lora.yml', 'i-lora.yml'];
    expect([...names].sort(compareStrings)).toEqual([
      'I-lora.yml',
      'README.md',
      'adapter_config.json',
      'b-qlora.yml',
      'i-lora.yml',
      'ä-qlora.yml'
    ]);
    expect([...names].sort(compareNames)).toEqual([
      'ä-qlora.yml',
      'adapter_config.json',
      'b-qlora.yml',
      'i-lora.yml',
      'I-lora.yml',
      'README.md'
    ]);
  });
});
