/**
 * Python identifiers for the generated KFP code: one namespace per file (module names and
 * the names inside the pipeline function share it, since the function sees both), Python
 * keywords and the builtins the code relies on kept out, and the rule KFP uses to turn a
 * `@dsl.container_component` function name into a component name (so the name we pick
 * gives back the task key the document compiles to).
 */
import { sanitizeName } from '../spec/pipeline-spec';

export const PY_KEYWORDS: ReadonlySet<string> = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if ' +
    'import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

/** Builtins a generated file uses or a reader expects to keep their meaning. */
const PY_BUILTINS = (
  'bool dict float int list str tuple set object type len print range getattr setattr isinstance super ' +
  'Exception ValueError TypeError __name__ __file__'
).split(' ');

/** A plain ASCII Python identifier that is not a keyword. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PY_KEYWORDS.has(name);
}

/** `model-deploy-2` / `My Pipeline!` → `model_deploy_2` / `my_pipeline` (a valid identifier, never empty). */
export function snakeCase(text: string, fallback = 'value'): string {
  let s = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') s = fallback;
  if (/^[0-9]/.test(s)) s = `_${s}`;
  return PY_KEYWORDS.has(s) ? `${s}_` : s;
}

/** KFP's `_python_function_name_to_component_name`, then the task-key rule. */
export function componentKeyOfFunction(functionName: string): string {
  const spaced = functionName.replace(/_/g, ' ').replace(/ +/g, ' ').trim();
  return sanitizeName(spaced);
}

/**
 * The names used in one generated file. `fix` records a name that cannot change (a pipeline
 * parameter, a component input); `take` hands out a free name close to the one asked for.
 */
export class PyNames {
  private readonly used = new Set<string>([...PY_KEYWORDS, ...PY_BUILTINS]);

  fix(name: string): void {
    this.used.add(name);
  }

  has(name: string): boolean {
    return this.used.has(name);
  }

  /** `base`, else `base_2`, `base_3`, … */
  take(base: string): string {
    let name = isIdentifier(base) ? base : snakeCase(base);
    if (this.used.has(name)) {
      let n = 2;
      while (this.used.has(`${name}_${n}`)) n++;
      name = `${name}_${n}`;
    }
    this.used.add(name);
    return name;
  }

  /** `base`, else `base_task`, `base_task_2`, … (for a variable that would shadow a function). */
  takeWithSuffix(base: string, suffix: string): string {
    if (!this.used.has(base) && isIdentifier(base)) {
      this.used.add(base);
      return base;
    }
    return this.take(`${base.replace(/_+$/, "")}_${suffix}`);
  }

  /**
   * A function name for a component whose task key must stay `key`: trailing underscores
   * keep KFP's component name (`print_` → `print`) while making the name free.
   */
  takeComponentFunction(key: string): string {
    let name = key.replace(/-/g, '_') || 'component';
    if (/^[0-9]/.test(name)) name = `_${name}`;
    while (this.used.has(name) || PY_KEYWORDS.has(name)) name += '_';
    this.used.add(name);
    return name;
  }
}
