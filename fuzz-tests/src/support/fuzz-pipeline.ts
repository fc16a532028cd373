// The real pipeline on a database of its own: row counts are then exactly this file's, and operations
// that read every row (replay of a time range decrypts audit entries) never meet rows that other test
// files sealed with their own random keys.
import { createScratchDatabase } from "@churchhub/test-support/scratch-database";
import { startPipeline, type Pipeline, type PipelineOptions } from "@churchhub/test-support/pipeline";

export async function startFuzzPipeline(name: string, options: PipelineOptions = {}): Promise<Pipeline> {
  const scratch = await createScratchDatabase(`fuzz_${name}`);
  const pipeline = await startPipeline({ ...options, databaseUrl: scratch.url });
  return {
    ...pipeline,
    async stop() {
      await pipeline.stop();
      await scratch.drop();
    },
  };
}
