/** An event the applicant is not told of, and why (the runner does not even subscribe to it). */
export interface Untold {
  readonly kind: 'untold';
  readonly because: string;
}

export const untold = (because: string): Untold => ({ kind: 'untold', because });
