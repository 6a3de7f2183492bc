/**
 * @microsoft/app-manifest requires strip-bom 5, an ES module: Node 20.19+ loads it through
 * require(), jest's module registry cannot, so the unit tests map it to this equivalent.
 */
export default function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
