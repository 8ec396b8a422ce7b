import { expect } from '@open-wc/testing';
import { readStored, removeStored, writeStored } from '../../../src/core/storage.js';

describe('storage', () => {
  afterEach(() => localStorage.clear());

  // First in the file: the backend is chosen on the page's first use of storage.
  it('only reads while choosing localStorage: reading a draft writes nothing', () => {
    const setItem = Storage.prototype.setItem;
    const removeItem = Storage.prototype.removeItem;
    const writes: string[] = [];
    Storage.prototype.setItem = function (key: string, value: string) {
      writes.push(key);
      setItem.call(this, key, value);
    };
    Storage.prototype.removeItem = function (key: string) {
      writes.push(key);
      removeItem.call(this, key);
    };
    try {
      localStorage.setItem('veche:draft:first', JSON.stringify({ text: 'сохранённый' }));
      writes.length = 0;
      expect(readStored('draft:first')).to.deep.equal({ text: 'сохранённый' });
      expect(readStored('draft:missing')).to.be.undefined;
      expect(writes).to.deep.equal([]);
    } finally {
      Storage.prototype.setItem = setItem;
      Storage.prototype.removeItem = removeItem;
    }
  });

  it('keeps the newest value when the quota fills up after the page started, and stores it again once it can', () => {
    expect(writeStored('draft:test', { text: 'первый' })).to.be.true;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      expect(writeStored('draft:test', { text: 'второй' })).to.be.false;
      expect(readStored('draft:test')).to.deep.equal({ text: 'второй' });
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(writeStored('draft:test', { text: 'третий' })).to.be.true;
    expect(readStored('draft:test')).to.deep.equal({ text: 'третий' });
    expect(JSON.parse(localStorage.getItem('veche:draft:test')!)).to.deep.equal({ text: 'третий' });
    removeStored('draft:test');
    expect(readStored('draft:test')).to.be.undefined;
  });
});
