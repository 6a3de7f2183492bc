import JSZip from 'jszip';

/** A paragraph or a table of word/document.xml, in document order, as a reader of the page meets it. */
export type DocxBlock =
  | { readonly kind: 'paragraph'; readonly style?: string; readonly text: string; readonly bullet: boolean; readonly xml: string }
  | { readonly kind: 'table'; readonly rows: readonly (readonly DocxCell[])[] };

export interface DocxCell {
  readonly text: string;
  /** The cell's shading fill (RRGGBB), if it has one. */
  readonly fill?: string;
}

export interface DocxContents {
  readonly blocks: readonly DocxBlock[];
  readonly documentXml: string;
  readonly stylesXml: string;
  readonly media: readonly string[];
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
const decode = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (m) => ENTITIES[m]!);

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
}

function cellOf(xml: string): DocxCell {
  const paragraphs = [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => paragraphText(m[0]));
  const fill = /<w:shd\b[^>]*\bw:fill="([0-9A-Fa-f]{6})"/.exec(xml)?.[1];
  return { text: paragraphs.join('\n'), ...(fill ? { fill: fill.toUpperCase() } : {}) };
}

/**
 * Reads a generated .docx with jszip and regular expressions: enough for documents this project
 * writes itself (no nested tables), and no XML parser dependency for the tests.
 */
export async function readDocx(body: Buffer): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(body);
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const stylesXml = await zip.file('word/styles.xml')!.async('string');
  const bodyXml = documentXml.slice(documentXml.indexOf('<w:body>'), documentXml.indexOf('</w:body>'));
  const blocks: DocxBlock[] = [];
  for (const match of bodyXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const xml = match[0];
    if (xml.startsWith('<w:tbl>')) {
      const rows = [...xml.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((row) => [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => cellOf(c[0])));
      blocks.push({ kind: 'table', rows });
    } else {
      const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1];
      blocks.push({ kind: 'paragraph', text: paragraphText(xml), bullet: xml.includes('<w:numPr>'), xml, ...(style ? { style } : {}) });
    }
  }
  const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
  return { blocks, documentXml, stylesXml, media };
}

/** The blocks after a heading, up to the next heading of the same or a higher level. */
export function sectionUnder(contents: DocxContents, headingText: string): DocxBlock[] {
  const start = contents.blocks.findIndex((b) => b.kind === 'paragraph' && /^Heading\d$/.test(b.style ?? '') && b.text === headingText);
  if (start < 0) throw new Error(`no heading "${headingText}"`);
  const level = (contents.blocks[start] as { style: string }).style;
  const rest = contents.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.kind === 'paragraph' && /^Heading\d$/.test(b.style ?? '') && b.style! <= level);
  return end < 0 ? rest : rest.slice(0, end);
}

export function tablesIn(blocks: readonly DocxBlock[]): (readonly (readonly DocxCell[])[])[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
}

export function textsOf(rows: readonly (readonly DocxCell[])[]): string[][] {
  return rows.map((row) => row.map((cell) => cell.text));
}
