'use strict';
/* global module */
// certbench's stand-in for regexp-match-indices 1.0.2, put in its place by package.json "overrides" (it is what
// @cucumber/cucumber-expressions matches every step with). Same call, exec(regexp, string) → a match with `indices`,
// from the RegExp `d` flag Node has natively. The original's own native test looks for `indices` on a match made
// without that flag, so on Node 20 it always takes its slow path: parsing each pattern with regexp-tree.
// Cucumber tries every step against every step definition: a pattern is copied once with the `d` flag, and only the
// copy is run (a match that fails costs no more with the flag), so each pattern is compiled once, not twice.
const flagged = new WeakMap();

function exec(regexp, string) {
  let withIndices = flagged.get(regexp);
  if (withIndices === undefined) {
    withIndices = regexp.hasIndices ? regexp : new RegExp(regexp.source, `${regexp.flags}d`);
    flagged.set(regexp, withIndices);
  }
  if (withIndices === regexp || !(regexp.global || regexp.sticky))
    return RegExp.prototype.exec.call(withIndices, string);
  // A global or sticky pattern reads and moves its lastIndex, as exec does.
  withIndices.lastIndex = regexp.lastIndex;
  const match = RegExp.prototype.exec.call(withIndices, string);
  regexp.lastIndex = withIndices.lastIndex;
  return match;
}

module.exports = exec;
