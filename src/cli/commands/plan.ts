import { Option, type Command } from 'commander';
import { reportUsageError, type CommandContext } from '../command-context.js';
import { addInputOptions, collect, parseInputFlags } from '../inputs.js';
import type { PlanFormat } from './print-plan-command.js';

/** The options of `ot plan`, as commander gives them. */
interface PlanOptions {
  format: PlanFormat;
  estimate?: boolean;
  inputs?: string;
  backend: string[];
  config?: string;
  cache?: string;
  outputTokens?: string;
  input?: string[];
  inputJson?: string[];
}

/**
 * `ot plan FILE [--format text|json|mermaid]`: the parallel plan (ARCHITECTURE.md §4); with
 * `--estimate`, the calls, tokens and cost of a run instead (no backend is called).
 */
export function registerPlanCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('plan')
    .description(
      'show which calls wait for which, the stages that run at once, and how many calls a run makes',
    )
    .argument('<file>', 'the .ot file')
    .addOption(
      new Option('--format <format>', 'text for people, json for tools, mermaid for a picture')
        .choices(['text', 'json', 'mermaid'])
        .default('text'),
    )
    .option('--estimate', 'estimate calls, tokens and cost of a run, calling no backend')
    .option('--inputs <data.jsonl>', 'with --estimate: one run per JSON line')
    .option('--backend <name>', 'with --estimate: a backend (repeat to compare)', collect, [])
    .option('--config <path>', 'with --estimate: the config file')
    .option('--cache <dir|redis://…|off>', 'with --estimate: the cache a run would use')
    .option(
      '--output-tokens <n>',
      'with --estimate: output tokens of a call without max_tokens (default 256)',
    );
  addInputOptions(command).action(async (file: string, options: PlanOptions) => {
    if (!options.estimate) {
      const { planCommand } = await import('./print-plan-command.js');
      context.setExitCode(planCommand(file, options.format, context));
      return;
    }
    const inputs = parseInputFlags(options);
    if (!inputs.ok) return reportUsageError(context, inputs.error);
    if (options.outputTokens !== undefined && !/^\d+$/.test(options.outputTokens)) {
      return reportUsageError(
        context,
        `--output-tokens expects a whole number, got ${JSON.stringify(options.outputTokens)}`,
      );
    }
    if (options.format === 'mermaid') {
      return reportUsageError(context, '--estimate prints text or json, not mermaid');
    }
    const { estimateCommand } = await import('./estimate-command.js');
    context.setExitCode(
      await estimateCommand(
        file,
        inputs.inputs,
        {
          backend: options.backend,
          json: options.format === 'json',
          ...(options.inputs !== undefined ? { inputs: options.inputs } : {}),
          ...(options.config !== undefined ? { config: options.config } : {}),
          ...(options.cache !== undefined ? { cache: options.cache } : {}),
          ...(options.outputTokens !== undefined
            ? { outputTokens: Number(options.outputTokens) }
            : {}),
        },
        context,
      ),
    );
  });
}
