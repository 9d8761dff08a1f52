import PDFDocument from 'pdfkit';
import { LETTER_FONT } from './letter-font';
import type { DecisionLetter, LetterBlock } from './decision-letter';

const PAGE = { size: 'A4', margin: 42 } as const;
const SIZE = { header: 8, title: 12, heading: 10, body: 9, footer: 7 } as const;
const INK = { text: '#111111', muted: '#555555', rule: '#999999' } as const;

/**
 * The letter as PDF bytes. Deterministic (ADR 29): the creation date is the decision's instant, the
 * document id derives from the fixed metadata, the font subset is named from the font's order of
 * use — the same letter gives the same bytes, so a signature over them stays valid when re-rendered.
 */
export function letterPdf(letter: DecisionLetter): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    lang: 'kk-KZ',
    displayTitle: true,
    info: {
      Title: letter.title,
      Author: letter.header[1]!,
      Creator: 'kandas-quota',
      Producer: 'kandas-quota (pdfkit)',
      CreationDate: letter.createdAt,
      ModDate: letter.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', LETTER_FONT.regular);
  doc.registerFont('bold', LETTER_FONT.bold);
  header(doc, letter.header);
  letter.parts.forEach((part, at) => {
    if (at > 0) rule(doc);
    part.blocks.forEach((block) => write(doc, block));
  });
  rule(doc);
  doc
    .font('regular')
    .fontSize(SIZE.footer)
    .fillColor(INK.muted)
    .text(letter.footer, { width: contentWidth(doc) });
  doc.end();
  return done;
}

function header(doc: PDFKit.PDFDocument, lines: readonly string[]): void {
  doc.font('regular').fontSize(SIZE.header).fillColor(INK.muted);
  lines.forEach((line) => doc.text(line, { width: contentWidth(doc), align: 'center' }));
  rule(doc);
}

function write(doc: PDFKit.PDFDocument, block: LetterBlock): void {
  const width = contentWidth(doc);
  const x = doc.page.margins.left;
  doc.fillColor(INK.text);
  switch (block.kind) {
    case 'title':
      doc.font('bold').fontSize(SIZE.title).text(block.text, x, doc.y, { width, align: 'center' });
      return;
    case 'heading':
      doc.moveDown(0.25).font('bold').fontSize(SIZE.heading).text(block.text, x, doc.y, { width, align: 'center' });
      doc.moveDown(0.2);
      return;
    case 'field':
      doc.font('bold').fontSize(SIZE.body).text(`${block.label} `, x, doc.y, { width, continued: true });
      doc.font('regular').text(block.text, { paragraphGap: 2 });
      return;
    case 'item':
      doc
        .font('regular')
        .fontSize(SIZE.body)
        .text(block.text, x + 14, doc.y, { width: width - 14, paragraphGap: 2 });
      return;
    case 'paragraph':
      doc.moveDown(0.15).font('regular').fontSize(SIZE.body).text(block.text, x, doc.y, { width });
      doc.moveDown(0.15);
      return;
    default: {
      const unknown: never = block;
      throw new Error(`Unknown letter block ${JSON.stringify(unknown)}`);
    }
  }
}

function rule(doc: PDFKit.PDFDocument): void {
  const y = doc.y + 6;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.5)
    .strokeColor(INK.rule)
    .stroke();
  doc.x = doc.page.margins.left;
  doc.y = y + 8;
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
