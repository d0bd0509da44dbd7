// The social card in the suite's own build (dist/, built without --url): dist/card.png is the
// 1200 × 630 PNG, and the pages carry the link preview's title, description and card type
// but no image tag, since the build does not know the absolute address it will be published
// at (publish.test.mjs builds with --url and checks the tags that name the card there).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { DIST, pngSize } from './helpers.mjs';

test('dist/card.png is a 1200 × 630 PNG', async () => {
  assert.deepEqual(pngSize(await readFile(path.join(DIST, 'card.png'))), { width: 1200, height: 630 });
});

for (const name of ['index.html', 'embed.html']) {
  test(`${name} has the link preview's title and the matrix in plain words, and no image without --url`, async () => {
    const html = await readFile(path.join(DIST, name), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    assert.match(head, /<meta property="og:title" content="Stance Matrix — where the parties stand">/);
    // The preview says what the matrix shows, in plain words (src/share/words.rs).
    assert.match(head, /<meta property="og:description" content="11 issues\. Red-line clash: \d+ \(“/);
    assert.match(head, /<meta name="twitter:card" content="summary_large_image">/);
    assert.doesNotMatch(head, /og:image|twitter:image|og:url|card\.png/);
  });
}
