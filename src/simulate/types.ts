/**
 * The shapes of a simulated run: what `simulate` is given and what it returns. Plain data
 * (no functions, no classes), so a run can be stored, sent to a worker or shown step by step.
 */
import type { JsonValue } from '../spec/pipeline-spec';

export interface SimulateOptions {
  /** Values of the pipeline parameters; a parameter left out takes its default. */
  parameterValues?: Record<string, JsonValue>;
  /** Seconds one attempt of a task takes, by task id or task key (overrides the estimate). */
  durations?: Record<string, number>;
  /**
   * How many attempts of a task fail, by task id or task key: `{t3: 1}` fails the first
   * attempt and (with a retry) succeeds on the second; a number past the retries fails it.
   * Applies to every iteration of a task inside a loop.
   */
  failures?: Record<string, number>;
  /** Tasks (ids or keys) whose result the cache already holds (ignored when caching is off). */
  cached?: string[];
  /**
   * Values of task outputs, by task id or key, then output name: what conditions and loops
   * over task outputs see. An output left out is unknown (see `notes`).
   */
  outputs?: Record<string, Record<string, JsonValue>>;
  /**
   * `slow` (Vertex AI's default): after a failure, every task that does not depend on it
   * still runs. `fast`: no new task starts after the first failure (exit tasks still run).
   */
  failurePolicy?: 'slow' | 'fast';
}

export type TaskState = 'waiting' | 'running' | 'retrying' | 'succeeded' | 'failed' | 'skipped' | 'cached' | 'not-run';
export type GroupState = 'waiting' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'not-run';

/** One task execution: a task, or one iteration of a task inside ParallelFor loops. */
export interface TaskRun {
  /** `t3`, or `t3[1]` / `t3[1,0]` for iterations of enclosing loops (outermost first). */
  id: string;
  task: string;
  /** The task key in the compiled spec (`model-deploy-2`). */
  key: string;
  /** Loop indices, outermost loop first; empty outside loops. */
  iteration: number[];
  /** Final state. */
  state: TaskState;
  /** Attempts made (0 when it never started). */
  attempts: number;
  /** Seconds from the start of the run (absent when it never started). */
  start?: number;
  end?: number;
  /** Seconds one attempt takes, and where the figure comes from. */
  duration: number;
  durationBasis: string;
}

/** One control-flow group execution (per iteration of enclosing loops), or one loop iteration. */
export interface GroupRun {
  /** `g2`, `g2[0]`; a loop iteration is `g2#1` (iteration 1 of loop g2). */
  id: string;
  group: string;
  kind: 'condition' | 'branches' | 'loop' | 'iteration' | 'exitHandler';
  iteration: number[];
  state: GroupState;
  start?: number;
  end?: number;
}

export type SimEventKind =
  | 'run-started'
  | 'run-finished'
  | 'group-started'
  | 'group-finished'
  | 'group-skipped'
  | 'group-not-run'
  | 'condition'
  | 'task-started'
  | 'task-retry'
  | 'task-succeeded'
  | 'task-failed'
  | 'task-cached'
  | 'task-skipped'
  | 'task-not-run';

/** One thing that happened, in order. `state` is the new state of `run` (a TaskRun or GroupRun id). */
export interface SimEvent {
  /** Position in `events` (0-based). */
  step: number;
  /** Seconds since the run started. */
  time: number;
  kind: SimEventKind;
  /** The TaskRun or GroupRun it is about (absent for run-started/finished). */
  run?: string;
  task?: string;
  group?: string;
  state?: TaskState | GroupState;
  /** Task attempts: the attempt that starts, fails or succeeds (1-based). */
  attempt?: number;
  /** Conditions: the outcome (`unknown` values are taken as true, see `notes`). */
  result?: 'true' | 'false' | 'unknown';
  /** One sentence for people. */
  message: string;
}

export interface BranchOutcome {
  /** The condition group (a branch of an If/Elif/Else chain, or a standalone If). */
  group: string;
  /** GroupRun id (differs from `group` inside loops). */
  run: string;
  taken: boolean;
  result: 'true' | 'false' | 'unknown';
  /** `deploy_mode == 'dedicated'` with the values seen: `'automatic' == 'dedicated'`. */
  text: string;
}

export interface LoopOutcome {
  group: string;
  run: string;
  iterations: number;
  parallelism?: number;
  /** The items were not known (an output or a value not given): one iteration was assumed. */
  assumed: boolean;
}

export interface CriticalStep {
  run: string;
  task: string;
  start: number;
  end: number;
}

export interface TaskSummary {
  /** The task's overall state: its single run's, or for loop tasks the most telling of its iterations'. */
  state: TaskState;
  runs: number;
  attempts: number;
  start?: number;
  end?: number;
  duration: number;
  durationBasis: string;
}

export interface RunSummary {
  state: 'succeeded' | 'failed';
  /** Estimated wall time in seconds (the last thing to finish). */
  wallTime: number;
  /** Task runs by final state. */
  counts: Record<TaskState, number>;
  /** Per document task. */
  tasks: Record<string, TaskSummary>;
  branches: BranchOutcome[];
  loops: LoopOutcome[];
  /** The chain of task runs that decided the wall time, first to last. */
  criticalPath: CriticalStep[];
  /** Assumptions made (unknown values, missing parameters, caching off for a cached task). */
  notes: string[];
}

export interface SimulatedRun {
  events: SimEvent[];
  tasks: TaskRun[];
  groups: GroupRun[];
  summary: RunSummary;
}

/** The state of everything after a given step. */
export interface RunSnapshot {
  /** Events applied: 0 = before the run, `events.length` = the end. */
  step: number;
  time: number;
  run: 'waiting' | 'running' | 'succeeded' | 'failed';
  /** By TaskRun id. */
  taskRuns: Record<string, { state: TaskState; attempt: number }>;
  /** By document task id: the state to paint on the canvas (see `TaskSummary.state`). */
  tasks: Record<string, TaskState>;
  /** By GroupRun id. */
  groups: Record<string, GroupState>;
}
