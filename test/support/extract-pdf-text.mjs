// Prints, as JSON, the text of each page of a PDF (the path in argv[2]) as PDF.js reads it, through
// unpdf. A script of its own because PDF.js ships ES modules only, which Jest's CommonJS runtime
// cannot load: the specs run it with Node (pdfText in pdf-text.ts).
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';

const pdf = await getDocumentProxy(new Uint8Array(readFileSync(process.argv[2])));
const { text } = await extractText(pdf, { mergePages: false });
process.stdout.write(JSON.stringify(text));
