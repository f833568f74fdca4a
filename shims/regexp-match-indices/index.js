'use strict';
/* global module */
// certbench's stand-in for regexp-match-indices 1.0.2, put in its place by package.json "overrides" (it is what
// @cucumber/cucumber-expressions matches every step with). Same call, exec(regexp, string) → a match with `indices`,
// from the RegExp `d` flag Node has natively. The original's own native test looks for `indices` on a match made
// without that flag, so on Node 20 it always takes its slow path: parsing each pattern with regexp-tree.
const flagged = new WeakMap();

function exec(regexp, string) {
  if (regexp.hasIndices) return RegExp.prototype.exec.call(regexp, string);
  // Most patterns tried against a step do not match it: a plain test rejects those without computing indices.
  if (!regexp.global && !regexp.sticky && !RegExp.prototype.test.call(regexp, string)) return null;
  let withIndices = flagged.get(regexp);
  if (!withIndices) {
    withIndices = new RegExp(regexp.source, `${regexp.flags}d`);
    flagged.set(regexp, withIndices);
  }
  withIndices.lastIndex = regexp.lastIndex;
  const match = RegExp.prototype.exec.call(withIndices, string);
  if (regexp.global || regexp.sticky) regexp.lastIndex = withIndices.lastIndex;
  return match;
}

module.exports = exec;
