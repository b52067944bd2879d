'use strict';
// Counts storage round trips: every call of a repository method (and every transaction)
// made by the engine, including those made through a transaction's view.
const REPOSITORIES = ['members', 'rooms', 'declarations', 'calendar', 'jobs', 'inbound'];

function countingStorage(storage) {
  const counts = {};
  const bump = (key) => (counts[key] = (counts[key] ?? 0) + 1);
  const repo = (name, target) =>
    new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop, t);
        if (typeof value !== 'function') return value;
        return (...args) => {
          bump(`${name}.${String(prop)}`);
          return value.apply(t, args);
        };
      },
    });
  const wrap = (s) =>
    new Proxy(s, {
      get(t, prop) {
        if (REPOSITORIES.includes(prop)) return repo(prop, t[prop]);
        if (prop === 'transaction')
          return (work) => {
            bump('transaction');
            return t.transaction((tx) => work(wrap(tx)));
          };
        const value = Reflect.get(t, prop, t);
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
  return {
    storage: wrap(storage),
    counts,
    total: () => Object.entries(counts).reduce((n, [k, v]) => (k === 'transaction' ? n : n + v), 0),
    reset: () => Object.keys(counts).forEach((k) => delete counts[k]),
  };
}

module.exports = { countingStorage };
