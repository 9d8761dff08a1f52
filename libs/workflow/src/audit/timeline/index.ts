export * from './almaty-format';
export * from './application-decision';
export * from './application-story';
export * from './grounds-lists';
export * from './phrasebook';
export * from './timeline-language';
export * from './timeline-narrator';
export * from './timeline-text';
