// Support code shared by every protocol: the certbench world and a step timeout above every SUT timeout, so
// certbench's own timeouts (which fail the checkpoint with evidence) always fire first.
import { setDefaultTimeout, setWorldConstructor } from '@cucumber/cucumber';
import { CertbenchWorld } from '../src/steps-api/world.ts';

setWorldConstructor(CertbenchWorld);
setDefaultTimeout(60 * 60 * 1000);
