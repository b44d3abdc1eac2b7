/**
 * Classification of what an Ollama Modelfile writes after `FROM` and `ADAPTER`: a Hugging Face repo
 * in Ollama's `hf.co/org/repo[:tag]` form, a local file or directory, or a model of an Ollama
 * registry (`llama3.2:1b`, `user/model:tag`), which names no Hugging Face repo at all.
 */
import type { Classification } from './record.js';
import { classifyUpstream } from './classify.js';
import { pathSegments } from './classify-path.js';
import { hubIdProblem } from './hub-id.js';
import { looksLikeFileName } from './upstream-words.js';

/**
 * `hf.co/org/repo:Q4_K_M` and `huggingface.co/org/repo:tag` (Ollama pulls these from the Hub); the
 * scheme is optional. The tag after `:` picks a quantisation (a GGUF file), not a git revision.
 */
const HUB_REFERENCE = /^(?:https?:\/\/)?(?:www\.)?(hf\.co|huggingface\.co)\/([^/\s:]+\/[^/\s:]+?)(?::([^/\s:]+))?\/?$/i;
const HUB_HOST = /^(?:https?:\/\/)?(?:www\.)?(?:hf\.co|huggingface\.co)\//i;

/**
 * An Ollama model name: `[host[:port]/][namespace/]model[:tag][@digest]`, e.g. `llama3.2`,
 * `llama3.2:1b`, `igorls/gemma-4-12B-it-heretic-GGUF:latest`, `registry.ollama.ai/library/llama3`.
 */
const OLLAMA_HOST = '(?:(?:[a-z0-9-]+(?:\\.[a-z0-9-]+)+|localhost)(?::\\d+)?/)?';
const OLLAMA_NAME = new RegExp(`^${OLLAMA_HOST}(?:[\\w.-]+/)?[\\w.-]+(?::[\\w.-]+)?(?:@sha256:[0-9a-f]+)?$`, 'i');

/** Path syntax Ollama resolves on disk: absolute, home, `./`, `../`, a drive letter, or any backslash. */
const PATH_SYNTAX = /^([\\/~]|\.{1,2}([\\/]|$)|[A-Za-z]:([\\/]|$))|\\/;

/** A local file or directory: path syntax, or a file name (`phi3.gguf`, `models/x.safetensors`). */
function isLocalPath(value: string): boolean {
  const segments = pathSegments(value);
  return PATH_SYNTAX.test(value) || (segments.length > 0 && looksLikeFileName(segments[segments.length - 1]));
}

/** What a Modelfile's `FROM` or `ADAPTER` value refers to. */
export function classifyOllamaReference(raw: string): Classification {
  const value = raw.trim();
  const hub = HUB_REFERENCE.exec(value);
  if (hub) {
    const [, host, id, tag] = hub;
    const invalidReason = hubIdProblem(id);
    const quantisation = tag ? ` (\`:${tag}\` picks a quantisation, not a revision)` : '';
    return {
      kind: 'hub-id',
      id,
      evidence: 'primary',
      recovered: `read ${id} from Ollama's ${host.toLowerCase()} reference \`${value}\`${quantisation}`,
      ...(invalidReason ? { invalidReason } : {})
    };
  }
  if (HUB_HOST.test(value) || isLocalPath(value) || !OLLAMA_NAME.test(value)) return classifyUpstream(value);
  // Ollama pulls any other name from its own registry: there is no Hugging Face id in it to check.
  return { kind: 'ollama-library', evidence: 'primary' };
}
