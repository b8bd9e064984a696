import { describe, expect, it } from 'vitest';

import { NO_PRIORITY_RANK, priorityRank } from './priority';

describe('priorityRank', () => {
  it.each([
    ['High', 0],
    ['medium', 1],
    [' LOW ', 2],
  ])('ranks %s as %i', (label, rank) => {
    expect(priorityRank(label)).toBe(rank);
  });

  it.each([null, undefined, '', 'Urgent'])('ranks %s after every known label', (label) => {
    expect(priorityRank(label)).toBe(NO_PRIORITY_RANK);
  });
});
