import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import zones are biome overrides, one pair per feature folder (biome cannot say "any other
// feature"): a feature added without its pair would be free to import every other one.
const root = resolve(__dirname, '../../..');
const features = readdirSync(resolve(root, 'web/src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const biome = JSON.parse(readFileSync(resolve(root, 'biome.json'), 'utf8')) as {
  overrides?: { includes?: string[] }[];
};
const zoned = new Set((biome.overrides ?? []).flatMap((override) => override.includes ?? []));

describe('import zones', () => {
  it('keeps every feature folder behind its own lint zone', () => {
    expect(features.length).toBeGreaterThan(10);
    expect(features.filter((feature) => !zoned.has(`web/src/features/${feature}/**`))).toEqual([]);
  });
});
