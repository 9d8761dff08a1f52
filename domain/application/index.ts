export * from './submission';
export * from './submission-version';
export * from './documents';
export * from './document-validity';
export * from './refusal-grounds';
export * from './review-deadline';
export * from './timeliness-under-law';
export * from './sla-clock';
export * from './events';
export type { SubsidyPolicyData } from './decisions/grant-subsidy';
export { signableBy, type SignatureVerification } from './decisions/sign';
export {
  DEFAULT_SIGNING_CODE_POLICY,
  refusalRecordedIn,
  type PresentedCode,
  type SigningCodePolicy,
} from './decisions/signing-code';
export * from './state';
export * from './errors';
export * from './decider';
export * from './signature-verifier';
export * from './personal-data';
export * from './hearing-deadline';
