/**
 * One generated JavaScript function: the temporaries its expressions need (`and`/`or` keep
 * their left operand in one) and the names of the parameters of the continuations inside it.
 */
export class FunctionScope {
  readonly temps: string[] = [];
  private nextName = 0;

  /** A fresh temporary, declared at the top of the function. */
  temp(): string {
    const name = `t${++this.nextName}`;
    this.temps.push(name);
    return name;
  }

  /** A fresh name for a continuation's parameter (`(v3) => …`). */
  param(): string {
    return `v${++this.nextName}`;
  }

  /** A fresh name for a local constant. */
  local(prefix: string): string {
    return `${prefix}${++this.nextName}`;
  }
}
