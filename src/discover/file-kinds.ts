/** Weight files that make a directory an artifact (issue #2's list). */
export function isWeightFile(path: string): boolean {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.safetensors') || name.endsWith('.gguf')) return true;
  if (name === 'adapter_model.bin') return true;
  if (/^pytorch_model.*\.bin$/.test(name)) return true;
  // candle_qlora_adapter_meta.json is a manifest; the adapter tensors themselves are not JSON.
  return name.startsWith('candle_qlora_adapter') && !name.endsWith('.json');
}

/** Files whose presence carries an attribution notice (Apache-style NOTICE, Llama's notice file). */
export function isNoticeFile(path: string): boolean {
  return /^notice(\.(md|txt))?$/i.test(basename(path));
}

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Repository-relative directory of a path, `.` for the root. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

export function joinPath(dir: string, name: string): string {
  return dir === '.' ? name : `${dir}/${name}`;
}
