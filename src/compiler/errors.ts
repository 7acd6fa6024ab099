/** A document the KFP compiler would refuse (the validator reports these first). */
export class CompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompileError';
  }
}
