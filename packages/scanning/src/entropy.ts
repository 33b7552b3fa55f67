/** Shannon entropy in bits per character. Random base64 approaches 6, random hex 4, English words stay near 3–3.5. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // Counted per UTF-16 unit: the values measured are ASCII tokens, for which that is per character.
  const counts = new Map<number, number>();
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const probability = count / value.length;
    entropy -= probability * Math.log2(probability);
  }
  return entropy;
}

/** How many of lower case, upper case and digits the value mixes. */
export function characterClassCount(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value));
}
