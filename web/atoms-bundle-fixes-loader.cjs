// A webpack loader for @calcom/atoms 2.6.0: points the two URLs its build baked in at this site, and
// reads child refs the React 19 way in the copies of Radix UI's Slot it bundles.
//
// The package was built with its web app URL set to "localhost:3000" (no scheme), which its code turns
// into https://localhost:3000, so in every page that embeds the Booker:
//   - the icon sprite is fetched from `localhost:3000/icons/sprite.svg` (an error: not a URL a browser
//     can fetch), and its icons stay blank;
//   - a host without an avatar is drawn with https://localhost:3000/avatar.svg (a request our
//     Content-Security-Policy blocks, and another origin), and one with an avatar from Cal.com's servers
//     (a third-party request the booking page does not make).
// There is no option to set either at run time. Both now come from this site: public/icons/sprite.svg
// and public/avatar.svg. Each rewrite must match exactly once: a different atoms build fails the build
// here, naming what is missing, instead of quietly bringing the errors back.
const REWRITES = [
  {
    what: "the icon sprite's URL",
    // The atoms' template literal; its "$" and "{" apart so that this stays a plain string.
    from: "`localhost:3000/icons/sprite.svg?v=-$" + "{FNe}`",
    to: '"/icons/sprite.svg"',
  },
  {
    what: "a host's avatar URL",
    from: "W0e = (e) => e != null && e.avatarUrl ? o8(e.avatarUrl) : rfe + afe",
    to: 'W0e = (e) => "/avatar.svg"',
  },
  // Copies of Radix UI's Slot from before React 19 read a child element's `ref`, which React 19 keeps in
  // `props.ref` (reading `element.ref` logs "Accessing element.ref was removed in React 19" in development).
  {
    what: "Radix Slot's child ref (1.0)",
    from: "ref: t ? Tf(t, n.ref) : n.ref",
    to: "ref: t ? Tf(t, n.props.ref) : n.props.ref",
    times: 5,
  },
  { what: "Radix Slot's child ref (1.0, other copy)", from: "ref: rhe(t, n.ref)", to: "ref: rhe(t, n.props.ref)" },
  { what: "Radix getElementRef's fallback", from: "e.props.ref || e.ref", to: "e.props.ref", times: 2 },
];

module.exports = function atomsBakedUrlsLoader(source) {
  if (!source.includes("localhost:3000/icons/sprite.svg")) return source;
  let rewritten = source;
  for (const rewrite of REWRITES) {
    const count = rewritten.split(rewrite.from).length - 1;
    if (count !== (rewrite.times ?? 1))
      throw new Error(
        `atoms-bundle-fixes-loader: ${rewrite.what} (${rewrite.from}) found ${count} times, not ${rewrite.times ?? 1}, in ${this.resourcePath}; this loader is written for @calcom/atoms 2.6.0`,
      );
    rewritten = rewritten.replaceAll(rewrite.from, rewrite.to);
  }
  return rewritten;
};
