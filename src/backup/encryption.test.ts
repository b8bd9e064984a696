import { describe, expect, it } from 'vitest';

import { decryptBackupText, encryptBackupText, EnvelopeError, PassphraseError, PBKDF2_ITERATIONS } from './encryption';
import type { EncryptedBackupFile } from './format';

const PLAINTEXT = JSON.stringify({ note: 'Zoë’s café 🌿 order, ½ price', rows: [1, 2, 3] });
const PASSPHRASE = 'correct horse battery staple';

/** Flips the lowest bit of one byte of a base64 string. */
function flipByte(base64: string, index: number): string {
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  bytes[index]! ^= 1;
  return btoa(String.fromCharCode(...bytes));
}

describe('backup encryption', () => {
  it('round-trips the text', async () => {
    const envelope = await encryptBackupText(PLAINTEXT, PASSPHRASE);
    expect(await decryptBackupText(envelope, PASSPHRASE)).toBe(PLAINTEXT);
  });

  it('stores the parameters and hides the text', async () => {
    const envelope = await encryptBackupText(PLAINTEXT, PASSPHRASE);
    expect(envelope.encryption).toMatchObject({
      kdf: 'PBKDF2',
      hash: 'SHA-256',
      iterations: PBKDF2_ITERATIONS,
      cipher: 'AES-GCM',
      keyLength: 256,
    });
    expect(atob(envelope.encryption.salt)).toHaveLength(16);
    expect(atob(envelope.encryption.iv)).toHaveLength(12);
    expect(JSON.stringify(envelope)).not.toContain('café');
  });

  it('uses a new salt and IV each time', async () => {
    const first = await encryptBackupText(PLAINTEXT, PASSPHRASE);
    const second = await encryptBackupText(PLAINTEXT, PASSPHRASE);
    expect(second.encryption.salt).not.toBe(first.encryption.salt);
    expect(second.encryption.iv).not.toBe(first.encryption.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });

  it('rejects a wrong passphrase', async () => {
    const envelope = await encryptBackupText(PLAINTEXT, PASSPHRASE);
    await expect(decryptBackupText(envelope, 'correct horse battery stable')).rejects.toBeInstanceOf(PassphraseError);
  });

  it('rejects changed ciphertext', async () => {
    const envelope = await encryptBackupText(PLAINTEXT, PASSPHRASE);
    const tampered = { ...envelope, ciphertext: flipByte(envelope.ciphertext, 3) };
    await expect(decryptBackupText(tampered, PASSPHRASE)).rejects.toBeInstanceOf(PassphraseError);
  });

  it('rejects a changed header', async () => {
    const envelope = await encryptBackupText(PLAINTEXT, PASSPHRASE);
    const tampered: EncryptedBackupFile = {
      ...envelope,
      encryption: { ...envelope.encryption, iterations: envelope.encryption.iterations + 1 },
    };
    await expect(decryptBackupText(tampered, PASSPHRASE)).rejects.toBeInstanceOf(PassphraseError);
  });

  it('rejects a malformed envelope', async () => {
    const envelope = await encryptBackupText(PLAINTEXT, PASSPHRASE);
    const cases: [string, EncryptedBackupFile][] = [
      ['bad base64', { ...envelope, ciphertext: '%%%' }],
      ['short IV', { ...envelope, encryption: { ...envelope.encryption, iv: btoa('abc') } }],
      ['few iterations', { ...envelope, encryption: { ...envelope.encryption, iterations: 1000 } }],
      ['other cipher', { ...envelope, encryption: { ...envelope.encryption, cipher: 'AES-CBC' as 'AES-GCM' } }],
    ];
    for (const [name, tampered] of cases) {
      await expect(decryptBackupText(tampered, PASSPHRASE), name).rejects.toBeInstanceOf(EnvelopeError);
    }
  });

  it('refuses an empty passphrase', async () => {
    await expect(encryptBackupText(PLAINTEXT, '')).rejects.toThrow('A passphrase is needed');
  });
});
