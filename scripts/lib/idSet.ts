/**
 * A set of record ids held as 53-bit hashes in a typed array: 16–32 bytes per id (with the
 * table's headroom) instead of a JavaScript string each, so a million rows cost ~32 MB. Two
 * distinct ids collide with probability ~n²/2⁵⁴ (one in ten billion at a million ids).
 * 18-character Salesforce ids are reduced to their 15-character case-sensitive form first,
 * so the two spellings of one record are the same id.
 */

/** cyrb53 (public domain, bryc): a fast, well-mixed 53-bit hash of `text`'s first `length` characters. */
export function hash53(text: string, seed = 0, length = text.length): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Character classes for Salesforce ids: 0 = not allowed, 1 = digit or lower case, 2 = upper case. */
const ID_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) {
  ID_CHAR[c] = 1;
}
for (let c = 97; c <= 122; c++) {
  ID_CHAR[c] = 1;
}
for (let c = 65; c <= 90; c++) {
  ID_CHAR[c] = 2;
}
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Whether an 18-character text is a Salesforce id: 15 letters and digits followed by the
 * case-checksum suffix Salesforce derives from them (one character per five, encoding which of
 * the five are upper case). Then its first 15 characters identify the record.
 */
function isId18(id: string): boolean {
  if (id.length !== 18) {
    return false;
  }
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let k = 0; k < 5; k++) {
      const ch = id.charCodeAt(chunk * 5 + k);
      const cls = ch < 128 ? ID_CHAR[ch] : 0;
      if (cls === 0) {
        return false;
      }
      if (cls === 2) {
        bits |= 1 << k;
      }
    }
    if (id.charCodeAt(15 + chunk) !== SUFFIX.charCodeAt(bits)) {
      return false;
    }
  }
  return true;
}

/** How many leading characters of a (trimmed) id identify it: 15 for an 18-character Salesforce id. */
function keyLength(id: string): number {
  return isId18(id) ? 15 : id.length;
}

/**
 * The 53-bit hash an id (already trimmed) is compared by: {@link hash53} of its {@link idKey},
 * in one pass (the Salesforce-id test rides along with the first 15 characters).
 */
export function idHash(id: string): number {
  const n = id.length;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const first = n < 15 ? n : 15;
  let sfid = n === 18;
  let bits = 0;
  let suffix = 0;
  for (let i = 0; i < first; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
    if (sfid) {
      const cls = ch < 128 ? ID_CHAR[ch] : 0;
      if (cls === 0) {
        sfid = false;
      } else {
        if (cls === 2) {
          bits |= 1 << (i % 5);
        }
        if (i % 5 === 4) {
          sfid = id.charCodeAt(15 + suffix) === SUFFIX.charCodeAt(bits);
          suffix++;
          bits = 0;
        }
      }
    }
  }
  if (!sfid) {
    for (let i = first; i < n; i++) {
      const ch = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The key an id is compared by: trimmed, and 15 characters for an 18-character Salesforce id. */
export function idKey(id: string): string {
  const t = id.trim();
  return t.slice(0, keyLength(t));
}

/** Set of ids remembering the line each was first seen on. */
export class IdSet {
  /** slot i holds [hash + 1, line] at 2i, 2i + 1 (one cache line per probe); 0 = empty */
  private slots: Float64Array;
  private size = 0;
  private mask: number;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) {
      cap *= 2;
    }
    this.slots = new Float64Array(cap * 2);
    this.mask = cap - 1;
  }

  /** How many distinct ids were added. */
  get count(): number {
    return this.size;
  }

  /**
   * Adds a trimmed id first seen on `line`.
   * @return 0 when new, else the line it was first seen on
   */
  add(id: string, line: number): number {
    if (this.size * 2 > this.mask) {
      this.grow();
    }
    return this.addHash(idHash(id), line);
  }

  /** {@link add} with the id's {@link idHash}. */
  addHash(hash: number, line: number): number {
    if (this.size * 2 > this.mask) {
      this.grow();
    }
    const h = hash + 1;
    const slots = this.slots;
    let i = h % (this.mask + 1);
    for (;;) {
      const k = slots[2 * i];
      if (k === 0) {
        slots[2 * i] = h;
        slots[2 * i + 1] = line;
        this.size++;
        return 0;
      }
      if (k === h) {
        return slots[2 * i + 1];
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Makes room for `expected` ids without growing (a hint: growing still happens if needed). */
  reserve(expected: number): void {
    let cap = this.mask + 1;
    while (cap < expected * 2 && cap < 1 << 26) {
      cap *= 2;
    }
    if (cap > this.mask + 1) {
      this.grow(cap);
    }
  }

  private grow(to = (this.mask + 1) * 2): void {
    const old = this.slots;
    const cap = to;
    const slots = new Float64Array(cap * 2);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const h = old[j];
      if (h !== 0) {
        let i = h % cap;
        while (slots[2 * i] !== 0) {
          i = (i + 1) & mask;
        }
        slots[2 * i] = h;
        slots[2 * i + 1] = old[j + 1];
      }
    }
    this.slots = slots;
    this.mask = mask;
  }
}
