/** The document port lives in the core (src/core/document.ts); adapters keep importing it from here. */
export * from '../core/document';
