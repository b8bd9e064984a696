// Passphrase encryption of backup files with WebCrypto: PBKDF2-SHA-256 turns
// the passphrase and a random salt into an AES-GCM 256-bit key. The envelope
// header (format, version and every parameter) is bound to the ciphertext as
// AES-GCM additional data, so a change to any of them makes decryption fail.

import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type EncryptedBackupFile, type EncryptionParameters } from './format';

/**
 * PBKDF2 iterations for new files: the minimum the OWASP Password Storage
 * Cheat Sheet sets for PBKDF2-HMAC-SHA256 (May 2023). Each guess of a
 * passphrase then costs one full key derivation, about 0.3 to 0.7 s per
 * derivation in the unit tests (Node 20, two cores).
 */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * Iteration counts accepted when reading a file. Below the minimum the file
 * was not written by Kindling; above the maximum deriving the key would keep
 * the page busy for minutes.
 */
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;

/** 16 random bytes of salt, as NIST SP 800-132 recommends at least 128 bits. */
const SALT_BYTES = 16;

/** 12 random bytes, the IV length AES-GCM is specified for (NIST SP 800-38D). */
const IV_BYTES = 12;

/** Thrown when the passphrase is wrong or the encrypted data was changed. AES-GCM cannot tell the two apart. */
export class PassphraseError extends Error {
  constructor() {
    super('The passphrase does not open this backup.');
    this.name = 'PassphraseError';
  }
}

/** Thrown when the envelope itself is malformed, before any decryption is tried. */
export class EnvelopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string, description: string): Uint8Array<ArrayBuffer> {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new EnvelopeError(`The ${description} is not valid base64.`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encodes the envelope without its ciphertext, in a fixed key order, as the AES-GCM additional authenticated data. */
function additionalData(formatVersion: number, parameters: EncryptionParameters): Uint8Array<ArrayBuffer> {
  const { kdf, hash, iterations, salt, cipher, keyLength, iv } = parameters;
  const header = [BACKUP_FORMAT, formatVersion, kdf, hash, iterations, salt, cipher, keyLength, iv];
  return new TextEncoder().encode(JSON.stringify(header));
}

/** Encrypts the JSON text of a backup file with a passphrase. */
export async function encryptBackupText(plaintext: string, passphrase: string): Promise<EncryptedBackupFile> {
  if (!passphrase) throw new Error('A passphrase is needed to encrypt a backup.');

  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const encryption: EncryptionParameters = {
    kdf: 'PBKDF2',
    hash: 'SHA-256',
    iterations: PBKDF2_ITERATIONS,
    salt: toBase64(salt),
    cipher: 'AES-GCM',
    keyLength: 256,
    iv: toBase64(iv),
  };

  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(BACKUP_FORMAT_VERSION, encryption) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    encryption,
    ciphertext: toBase64(new Uint8Array(ciphertext)),
  };
}

/** Checks the parameters of an envelope read from a file and returns them typed. */
function checkParameters(value: unknown): EncryptionParameters {
  if (typeof value !== 'object' || value === null) throw new EnvelopeError('The encryption parameters are missing.');
  const parameters = value as Record<string, unknown>;

  const expected: [string, unknown][] = [
    ['kdf', 'PBKDF2'],
    ['hash', 'SHA-256'],
    ['cipher', 'AES-GCM'],
    ['keyLength', 256],
  ];
  for (const [name, wanted] of expected) {
    if (parameters[name] !== wanted) {
      throw new EnvelopeError(
        `The encryption ${name} is ${JSON.stringify(parameters[name])}, but Kindling expects ${wanted}.`,
      );
    }
  }

  const iterations = parameters.iterations;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations)) {
    throw new EnvelopeError('The encryption iteration count is missing.');
  }
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new EnvelopeError(
      `The encryption iteration count ${iterations} is outside ${MIN_ITERATIONS} to ${MAX_ITERATIONS}.`,
    );
  }
  if (typeof parameters.salt !== 'string') throw new EnvelopeError('The encryption salt is missing.');
  if (typeof parameters.iv !== 'string') throw new EnvelopeError('The encryption IV is missing.');

  return parameters as unknown as EncryptionParameters;
}

/**
 * Decrypts an encrypted backup and returns the JSON text inside. Throws
 * PassphraseError for a wrong passphrase or changed data, and EnvelopeError
 * for a malformed envelope.
 */
export async function decryptBackupText(envelope: EncryptedBackupFile, passphrase: string): Promise<string> {
  const parameters = checkParameters(envelope.encryption);
  if (typeof envelope.ciphertext !== 'string') throw new EnvelopeError('The encrypted data is missing.');

  const salt = fromBase64(parameters.salt, 'encryption salt');
  const iv = fromBase64(parameters.iv, 'encryption IV');
  if (iv.length !== IV_BYTES)
    throw new EnvelopeError(`The encryption IV has ${iv.length} bytes; expected ${IV_BYTES}.`);
  const ciphertext = fromBase64(envelope.ciphertext, 'encrypted data');

  const key = await deriveKey(passphrase, salt, parameters.iterations);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(envelope.formatVersion, parameters) },
      key,
      ciphertext,
    );
  } catch (error) {
    // WebCrypto reports a failed AES-GCM tag check as an OperationError.
    if ((error as { name?: unknown } | null)?.name === 'OperationError') throw new PassphraseError();
    throw error;
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
}
