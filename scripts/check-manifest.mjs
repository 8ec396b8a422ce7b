#!/usr/bin/env node
/**
 * Fails when custom-elements.json misses a tag the kit registers, or when a public element's JSDoc
 * contract (custom-elements.json is generated from it) misses something its code does:
 *
 *   @fires     every event it emits: `emit(target, 'veche-…')`, `new VecheEvent('…')`, `new CustomEvent('…')`;
 *   @csspart   every name in a `part` attribute of its templates (html`` / svg``);
 *   @cssstate  every custom state it sets: `setState('…', on)`.
 *
 * What counts as the element's code: every module in its widget folder (src/widgets/<w>/**: the
 * lazily loaded parts render inside the same shadow root), plus what it inherits from core's
 * `VecheElement` — the lifecycle methods core overrides (they run for every widget) and each core
 * method the folder calls by name (`this.renderError(…)`, `ctx.reportError(…)`), followed through
 * the core methods that one calls. So a widget that shows `renderSignIn()` must document the
 * `sign-in` part, and one that calls `reportError()` must document `veche-error`. core/failure*.ts
 * render no template of their own. An element outside src/widgets is checked against its own file.
 *
 * The other way round, the contract must not list what the code never does (a part renamed, an
 * event dropped); events of another Veche element the widget embeds (`<veche-agency-rating>` in
 * the complaint status) bubble out of it and count as its own. A name the script cannot read (a
 * variable rather than a literal) fails too: the contract must not depend on what a reader can
 * work out at run time.
 *
 *   npm run --silent analyze && node scripts/check-manifest.mjs [--verbose]   (--verbose: list what was found)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const CORE_ELEMENT = 'src/core/veche-element.ts';
const EVENT_CLASSES = new Set(['VecheEvent', 'CustomEvent', 'Event']);

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const declarations = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, path: m.path })));
const registry = readFileSync('src/registry.ts', 'utf8');
const tags = [...registry.matchAll(/'(veche-[a-z-]+)'\s*:/g)].map((m) => m[1]);

const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
const where = (node) => {
  const source = node.getSourceFile();
  return `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
};
const isString = (node) => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/**
 * The strings `node` can evaluate to — `'x'`, both branches of `a ? 'x' : 'y'`, `a || 'x'`, the
 * items of `['x', 'y'] as const` — or undefined when one of them is not a literal. Lit's
 * `nothing`, `undefined`, `null` and `''` add no name.
 */
function values(node) {
  if (isString(node)) return node.text ? [node.text] : [];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return values(node.expression);
  if (ts.isConditionalExpression(node)) return both(values(node.whenTrue), values(node.whenFalse));
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return values(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return both(values(node.left), values(node.right));
    return undefined;
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.reduce((all, e) => both(all, values(e)), []);
  if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && (node.text === 'nothing' || node.text === 'undefined'))) return [];
  return undefined;
}
const both = (a, b) => (a && b ? [...a, ...b] : undefined);

/** What some code does that the contract must list: names → where first seen; `unreadable` → places. */
class Uses {
  events = new Map();
  parts = new Map();
  states = new Map();
  /** Veche elements its templates embed. */
  embeds = new Set();
  unreadable = [];

  add(kind, names, node) {
    for (const name of names) if (!this[kind].has(name)) this[kind].set(name, where(node));
  }

  /** Adds what `other` uses; `via` says how this code comes to use it (a call of a core method). */
  merge(other, via = '') {
    for (const kind of ['events', 'parts', 'states']) for (const [name, at] of other[kind]) if (!this[kind].has(name)) this[kind].set(name, at + via);
    for (const tag of other.embeds) this.embeds.add(tag);
    this.unreadable.push(...other.unreadable);
  }
}

/** The names a `setState(name, …)` argument stands for: its own values, or the list a `for…of` loop takes it from. */
function stateNames(arg) {
  if (!ts.isIdentifier(arg)) return values(arg);
  for (let n = arg.parent; n; n = n.parent) {
    if (!ts.isForOfStatement(n) || !ts.isVariableDeclarationList(n.initializer)) continue;
    if (!n.initializer.declarations.some((d) => d.name.getText() === arg.text)) continue;
    let list = n.expression;
    if (ts.isIdentifier(list)) list = findConst(list.getSourceFile(), list.text) ?? list;
    return values(list);
  }
  return undefined;
}

/** The initializer of a top-level `const name = …` of `source`. */
function findConst(source, name) {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const declaration = statement.declarationList.declarations.find((d) => d.name.getText() === name);
    if (declaration?.initializer) return declaration.initializer;
  }
  return undefined;
}

/** The `part` attributes of one html``/svg`` template. */
function templateParts(template, uses) {
  const spans = ts.isTemplateExpression(template) ? template.templateSpans : [];
  const text = ts.isTemplateExpression(template)
    ? template.head.text + spans.map((s, i) => `\0${i}\0${s.literal.text}`).join('')
    : template.text;
  for (const [, tag] of text.matchAll(/<(veche-[a-z-]+)/g)) uses.embeds.add(tag);
  for (const [, quoted, single, bare] of text.matchAll(/\spart=(?:"([^"]*)"|'([^']*)'|(\0\d+\0))/g)) {
    for (const token of (quoted ?? single ?? bare).split(/\s+/).filter(Boolean)) {
      const placeholders = [...token.matchAll(/\0(\d+)\0/g)];
      if (!placeholders.length) {
        uses.add('parts', [token], template);
        continue;
      }
      for (const [, i] of placeholders) {
        const expression = spans[Number(i)].expression;
        const names = values(expression)?.flatMap((v) => v.split(/\s+/)).filter(Boolean);
        if (names) uses.add('parts', names, expression);
        else uses.unreadable.push(`${where(expression)}: a part name that is not a literal`);
      }
    }
  }
}

/** Events, parts and states `node` uses itself, and the names of the methods it calls (`x.name(…)`). */
function scan(node) {
  const uses = new Uses();
  const calls = new Map();
  const visit = (n) => {
    if (ts.isTaggedTemplateExpression(n) && ts.isIdentifier(n.tag) && (n.tag.text === 'html' || n.tag.text === 'svg')) {
      templateParts(n.template, uses);
    } else if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (name === 'emit' && ts.isIdentifier(callee) && n.arguments[1]) {
        const names = values(n.arguments[1]);
        if (names?.length) uses.add('events', names, n);
        else uses.unreadable.push(`${where(n)}: an event name that is not a literal`);
      } else if (name === 'setState' && n.arguments[0]) {
        const names = stateNames(n.arguments[0]);
        if (names?.length) uses.add('states', names, n);
        else uses.unreadable.push(`${where(n)}: a state name that is not a literal`);
      }
      if (ts.isPropertyAccessExpression(callee) && !calls.has(callee.name.text)) calls.set(callee.name.text, where(n));
    } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && EVENT_CLASSES.has(n.expression.text) && n.arguments?.[0]) {
      const names = values(n.arguments[0]);
      // core/events.ts's `emit()` builds its event from its `type` argument: its callers are scanned instead.
      if (names?.length) uses.add('events', names, n);
      else if (!n.getSourceFile().fileName.endsWith('core/events.ts')) uses.unreadable.push(`${where(n)}: an event name that is not a literal`);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return { uses, calls };
}

/**
 * Core's contribution by method of `VecheElement`: what each method uses, following the methods
 * it calls on `this`. `inherited` is what the overridden lifecycle methods use: every widget gets it.
 */
function coreContributions() {
  const source = parse(CORE_ELEMENT);
  const element = source.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === 'VecheElement');
  const own = new Map();
  for (const member of element.members) {
    if ((ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member)) && member.body) own.set(member.name.getText(), { ...scan(member.body), member });
  }
  const reach = (name, seen = new Set()) => {
    const total = new Uses();
    if (seen.has(name) || !own.has(name)) return total;
    seen.add(name);
    const method = own.get(name);
    total.merge(method.uses);
    for (const called of method.calls.keys()) total.merge(reach(called, seen));
    return total;
  };
  const byMethod = new Map([...own.keys()].map((name) => [name, reach(name)]));
  const inherited = new Uses();
  for (const [name, { member }] of own) {
    if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.OverrideKeyword)) inherited.merge(byMethod.get(name), `, in VecheElement.${name}()`);
  }
  return { byMethod, inherited };
}

const filesIn = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => join(dir, f));

/** Everything the element at `path` (a module of the manifest) does, by its folder and what it takes from core. */
function usesOf(element, core) {
  const path = element.path.replace(/^\/+/, '');
  const files = /^src\/widgets\/[^/]+\//.test(path) ? filesIn(dirname(path)) : [path];
  const total = new Uses();
  const calls = new Map();
  for (const file of files) {
    const scanned = scan(parse(file));
    total.merge(scanned.uses);
    for (const [name, at] of scanned.calls) if (!calls.has(name)) calls.set(name, at);
  }
  if (element.superclass?.name === 'VecheElement') {
    total.merge(core.inherited);
    for (const [name, at] of calls) if (core.byMethod.has(name)) total.merge(core.byMethod.get(name), `, through ${name}() at ${at}`);
  }
  return total;
}

const CONTRACT = [
  ['events', 'events', '@fires'],
  ['parts', 'cssParts', '@csspart'],
  ['states', 'cssStates', '@cssstate'],
];

const verbose = process.argv.includes('--verbose');
const core = coreContributions();
const elements = new Map(tags.map((tag) => [tag, declarations.find((d) => d.tagName === tag)]));
const usesByTag = new Map([...elements].filter(([, element]) => element).map(([tag, element]) => [tag, usesOf(element, core)]));
let failed = 0;
for (const [tag, element] of elements) {
  if (!element) {
    console.error(`custom-elements.json has no <${tag}>`);
    failed++;
    continue;
  }
  const problems = [];
  if (!element.summary) problems.push('no @summary');
  const uses = usesByTag.get(tag);
  const embedded = new Set([...uses.embeds].filter((t) => t !== tag).flatMap((t) => [...(usesByTag.get(t)?.events.keys() ?? [])]));
  for (const [kind, field, jsdoc] of CONTRACT) {
    const listed = new Set((element[field] ?? []).map((entry) => entry.name));
    for (const [name, at] of uses[kind]) if (!listed.has(name)) problems.push(`no ${jsdoc} ${name} (used at ${at})`);
    for (const name of listed) {
      if (!uses[kind].has(name) && !(kind === 'events' && embedded.has(name))) problems.push(`${jsdoc} ${name} is listed, but the code never ${kind === 'events' ? 'fires it' : kind === 'parts' ? 'renders it' : 'sets it'}`);
    }
  }
  problems.push(...uses.unreadable.map((u) => `cannot check ${u}`));
  if (verbose) for (const [kind, , jsdoc] of CONTRACT) console.log(`<${tag}> ${jsdoc}: ${[...uses[kind].keys()].join(' ')}`);
  if (problems.length) {
    console.error(`<${tag}> (${element.path}):\n  ${problems.join('\n  ')}`);
    failed++;
  }
}
console.log(`manifest: ${tags.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
