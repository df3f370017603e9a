// markdown-it plugin: md.use(incidentTimeline, options). A fenced
// ```incident-timeline block becomes <incident-timeline> holding the timeline
// as inline JSON and its server-rendered SVG (the view for readers without
// JavaScript; the element replaces it with the interactive chart). A bad
// timeline throws, naming the file, the fence's line and each JSON path.
import { LANGUAGE, languageOf, renderBlock, blockToHtml } from './ssg.js';

export { IncidentTimelineBuildError } from './ssg.js';

/** Where the markdown came from, by default: Eleventy's `page`, or `env.filename`. */
function defaultLocate(env) {
  const file = env?.page?.inputPath ?? env?.filename ?? env?.path ?? '<markdown>';
  return { file: String(file), lineOffset: 0 };
}

/**
 * @param {import('markdown-it')} md
 * @param {object} [options] `width` (SVG width, default 900), `timeZone`,
 *   `theme` (`light`, `dark` or `auto`), `scale`, `hourCycle`, `locale`, and
 *   `locate(env)` → `{ file, lineOffset }` to name the source in errors.
 */
export default function incidentTimeline(md, options = {}) {
  const { locate = defaultLocate, ...renderOptions } = options;
  const previous = md.renderer.rules.fence;
  md.renderer.rules.fence = function fence(tokens, idx, mdOptions, env, self) {
    const token = tokens[idx];
    const info = md.utils.unescapeAll(token.info || '').trim();
    if (languageOf(info) !== LANGUAGE) {
      return previous
        ? previous.call(this, tokens, idx, mdOptions, env, self)
        : self.renderToken(tokens, idx, mdOptions);
    }
    const { file, lineOffset = 0 } = locate(env) || {};
    const line = token.map ? token.map[0] + 1 + lineOffset : undefined;
    const block = renderBlock(token.content, {
      info: info.slice(LANGUAGE.length),
      options: renderOptions,
      file,
      line,
    });
    return blockToHtml(block);
  };
}

export { incidentTimeline };
