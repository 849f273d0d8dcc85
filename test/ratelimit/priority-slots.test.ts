import { describe, expect, it } from 'vitest';
import { PrioritySlots } from '../../src/ratelimit/priority-slots.js';

/** A task that records its name when it starts and ends when `finish()` is called. */
function gated(order: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    fn: async () => {
      order.push(name);
      await done;
    },
    finish: () => finish(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('PrioritySlots', () => {
  it('never runs more than its limit at once', async () => {
    const slots = new PrioritySlots(2);
    const order: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((n) => gated(order, n));
    const all = Promise.all(tasks.map((t) => slots.run(t.fn)));
    await settle();
    expect(order).toEqual(['a', 'b']);
    expect(slots.pending).toBe(2);
    tasks[0].finish();
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    for (const t of tasks) t.finish();
    await all;
    expect(slots.active).toBe(0);
  });

  it('serves urgent waiters before normal ones, each in arrival order', async () => {
    const slots = new PrioritySlots(1);
    const order: string[] = [];
    const running = gated(order, 'running');
    const later = ['n1', 'n2', 'u1', 'n3', 'u2'].map((n) => ({ n, task: gated(order, n) }));
    const all = Promise.all([
      slots.run(running.fn),
      ...later.map(({ n, task }) => slots.run(task.fn, n.startsWith('u'))),
    ]);
    await settle();
    running.finish();
    for (const { task } of later) task.finish();
    await all;
    expect(order).toEqual(['running', 'u1', 'u2', 'n1', 'n2', 'n3']);
  });

  it('frees the slot when a task throws', async () => {
    const slots = new PrioritySlots(1);
    await expect(slots.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(async () => 'next')).toBe('next');
    expect(slots.active).toBe(0);
  });

  it('keeps order over a long queue', async () => {
    const slots = new PrioritySlots(1);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 5_000 }, (_, i) => slots.run(async () => void order.push(i))));
    expect(order).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
  });
});
