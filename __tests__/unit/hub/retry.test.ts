import { describe, expect, it } from '@jest/globals';
import { Limiter } from '../../../src/hub/limiter.js';
import { backoffDelay, parseRateLimitReset, parseRetryAfter, rateLimitWait } from '../../../src/hub/retry.js';
import { EPOCH } from './fake-clock.js';

describe('backoffDelay (full jitter)', () => {
  it('draws uniformly below min(cap, base·2^attempt)', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, () => 1, 500, 10_000))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000
    ]);
    expect(backoffDelay(3, () => 0.25, 500, 10_000)).toBe(1000);
    expect(backoffDelay(3, () => 0, 500, 10_000)).toBe(0);
    // A bad random source cannot make the wait negative or exceed the ceiling.
    expect(backoffDelay(1, () => -3, 500, 10_000)).toBe(0);
    expect(backoffDelay(1, () => 7, 500, 10_000)).toBe(1000);
  });
});

describe('Retry-After and RateLimit', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', EPOCH)).toBe(120_000);
    expect(parseRetryAfter('9'.repeat(400), EPOCH)).toBe(366 * 24 * 3600 * 1000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:30 GMT', EPOCH)).toBe(90_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', EPOCH)).toBe(0);
    expect(parseRetryAfter('soon', EPOCH)).toBeUndefined();
    expect(parseRetryAfter(null, EPOCH)).toBeUndefined();
  });

  it("reads t= of the Hub's RateLimit header", () => {
    expect(parseRateLimitReset('"api";r=0;t=55')).toBe(55_000);
    expect(parseRateLimitReset('"resolvers";r=12;t=3')).toBe(3000);
    expect(parseRateLimitReset('"api";r=0')).toBeUndefined();
    expect(parseRateLimitReset('"api";r=0;tt=9')).toBeUndefined();
  });

  it('takes the longer of the two', () => {
    expect(rateLimitWait(new Headers({ ratelimit: '"api";r=0;t=55', 'retry-after': '10' }), EPOCH)).toBe(55_000);
    expect(rateLimitWait(new Headers({ ratelimit: '"api";r=0;t=5', 'retry-after': '10' }), EPOCH)).toBe(10_000);
    expect(rateLimitWait(new Headers({}), EPOCH)).toBeUndefined();
  });
});

describe('Limiter', () => {
  it('runs at most `limit` tasks at once, in arrival order, even as slots are handed over', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      order.push(i);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return i;
    };
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.run(task(i))));
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(peak).toBe(2);
    expect(limiter.peak).toBe(2);
    expect(order).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('frees the slot when a task throws', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});
