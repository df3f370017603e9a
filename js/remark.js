// remark plugin (unified: Astro, Docusaurus, MDX, anything with
// remark-rehype): a fenced ```incident-timeline block becomes
// <incident-timeline> holding the timeline as JSON in its `timeline`
// attribute and its server-rendered SVG, as hast (no raw HTML, so it needs
// neither allowDangerousHtml nor rehype-raw). An attribute rather than a
// <script> child because MDX renders through JSX, and React escapes the
// text of a <script>, which the browser then does not unescape; attributes
// every renderer escapes and every browser decodes. A bad timeline fails
// the build, naming the file, the fence's line and each JSON path.
import { relative, isAbsolute } from 'node:path';
import { LANGUAGE, renderBlock } from './ssg.js';

export { IncidentTimelineBuildError } from './ssg.js';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? whole;
  });
}

/** hast property name of an SVG attribute: `stroke-width` → `strokeWidth`, `class` → `className`. */
function propertyName(attribute) {
  if (attribute === 'class') return 'className';
  if (attribute.includes(':')) return attribute;
  return attribute.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

/**
 * The SVG that renderToSvg writes (elements, double-quoted attributes, text,
 * entities) as hast nodes.
 */
export function svgToHast(svg) {
  const root = { type: 'root', children: [] };
  const stack = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let at = 0;
  for (const m of svg.matchAll(token)) {
    if (m.index !== at) break;
    at = m.index + m[0].length;
    const parent = stack[stack.length - 1];
    if (m[1]) {
      if (stack.length < 2 || parent.tagName !== m[1]) throw new Error(`renderToSvg output: unexpected </${m[1]}>`);
      stack.pop();
    } else if (m[2]) {
      const properties = {};
      for (const a of m[3].matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) {
        const name = propertyName(a[1]);
        const value = decode(a[2]);
        properties[name] = name === 'className' ? value.split(/\s+/).filter(Boolean) : value;
      }
      const element = { type: 'element', tagName: m[2], properties, children: [] };
      parent.children.push(element);
      if (!m[4]) stack.push(element);
    } else if (m[5] !== undefined) {
      if (stack.length > 1 && m[5].trim()) parent.children.push({ type: 'text', value: decode(m[5]) });
    }
  }
  if (at !== svg.length || stack.length !== 1) throw new Error('renderToSvg output could not be read as SVG');
  return root.children.filter((n) => n.type === 'element');
}

function fileName(file) {
  const path = file?.path || file?.history?.[file.history.length - 1];
  if (!path) return '<markdown>';
  const cwd = file.cwd || process.cwd();
  if (isAbsolute(path)) {
    const rel = relative(cwd, path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel;
  }
  return path;
}

/**
 * `unified().use(remarkIncidentTimeline, options)`; options as for the
 * markdown-it plugin: `width` (default 900), `timeZone`, `theme`, `scale`,
 * `hourCycle`, `locale`.
 */
export default function remarkIncidentTimeline(options = {}) {
  return function transform(tree, file) {
    const visit = (node) => {
      if (!Array.isArray(node.children)) return;
      node.children.forEach((child, i) => {
        if (child.type === 'code' && child.lang === LANGUAGE) {
          const block = renderBlock(child.value, {
            info: child.meta || '',
            options,
            file: fileName(file),
            line: child.position?.start?.line,
          });
          node.children[i] = {
            // An unknown node type with hast data: remark-rehype turns it
            // into exactly these hast nodes.
            type: 'incidentTimeline',
            data: {
              hName: 'incident-timeline',
              hProperties: { ...block.attributes, timeline: block.json },
              hChildren: svgToHast(block.svg),
            },
            position: child.position,
          };
        } else {
          visit(child);
        }
      });
    };
    visit(tree);
  };
}

export { remarkIncidentTimeline };
