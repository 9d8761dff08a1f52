export * from './application-reader';
export * from './decision-documents';
export * from './decision-letter';
export * from './document-signature';
export * from './letter-facts';
export * from './letter-font';
export * from './letter-pdf';
export * from './portal-application';
