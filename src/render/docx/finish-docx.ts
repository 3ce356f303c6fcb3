import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { escapeXml } from './pandoc-markdown.js';

/**
 * Touches up pandoc's DOCX: pandoc keeps only some settings of the reference document and drops
 * w:updateFields, which makes Word refresh the TOC field (page numbers) when the file is opened; and it
 * leaves the document title empty unless it also prints a title block, which the title page replaces.
 */
export function finishDocx(docx: Uint8Array, title: string): Uint8Array {
  const files = unzipSync(docx);
  const edit = (path: string, change: (xml: string) => string) => {
    const data = files[path];
    if (data) files[path] = strToU8(change(strFromU8(data)));
  };
  // Schema order puts updateFields before the math properties and the theme language.
  edit('word/settings.xml', (xml) => (xml.includes('<w:updateFields') ? xml : xml.replace(/<m:mathPr|<w:themeFontLang|<w:decimalSymbol|<\/w:settings>/, '<w:updateFields w:val="true"/>$&')));
  edit('docProps/core.xml', (xml) => xml.replace(/<dc:title\s*\/>|<dc:title>[\s\S]*?<\/dc:title>|(?=<\/cp:coreProperties>)/, `<dc:title>${escapeXml(title)}</dc:title>`));
  const zippable: Zippable = {};
  // Pictures are compressed already; deflating them again costs time and saves nothing.
  for (const [path, data] of Object.entries(files)) zippable[path] = path.startsWith('word/media/') ? [data, { level: 0 }] : data;
  return zipSync(zippable, { level: 6 });
}
