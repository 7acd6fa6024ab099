/** The document builder lives in the core now (templates use it too). */
export * from '../document/builder';
