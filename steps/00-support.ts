// Support code shared by every protocol: the certbench world and a step timeout above every SUT timeout, so
// certbench's own timeouts (which fail the checkpoint with evidence) always fire first.
import { Before, setDefaultTimeout, setWorldConstructor } from '@cucumber/cucumber';
import { CertbenchWorld } from '../src/steps-api/world.ts';

setWorldConstructor(CertbenchWorld);
// A manual run waits for people: no step timeout of cucumber's own should cut it short.
setDefaultTimeout(24 * 60 * 60 * 1000);

Before(function (this: CertbenchWorld, { pickle }) {
  this.checkpointId = pickle.tags.find((t) => t.name.startsWith('@cp:'))?.name.slice(4) ?? '';
  this.protocolId = pickle.tags.find((t) => t.name.startsWith('@protocol:'))?.name.slice(10) ?? '';
});
