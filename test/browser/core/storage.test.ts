import { expect } from '@open-wc/testing';
import { readStored, removeStored, writeStored } from '../../../src/core/storage.js';

describe('storage', () => {
  afterEach(() => localStorage.clear());

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
