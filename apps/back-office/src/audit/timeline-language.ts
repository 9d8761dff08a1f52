import type { Response } from 'express';
import { languageFromAcceptLanguage, type TimelineLanguage } from '@libs/workflow';

/** The language an answer is told in, from `Accept-Language`; said back in `Content-Language`. */
export function answerLanguage(acceptLanguage: string | undefined, response: Response): TimelineLanguage {
  const language = languageFromAcceptLanguage(acceptLanguage);
  response.setHeader('Content-Language', language);
  return language;
}

export const ACCEPT_LANGUAGE_HEADER = {
  name: 'Accept-Language',
  required: false,
  description: 'kk, ru or en (q-values honoured); Russian when absent or none of them',
};

export const CONTENT_LANGUAGE_HEADER = {
  'Content-Language': { description: 'The language of the sentences: kk, ru or en', schema: { type: 'string' } },
};
