// Element checks written as FHIRPath in the feature files, on the document or on its sharing metadata.
import { defineParameterType, Then } from '@cucumber/cucumber';
import type { Resource } from '../../src/fhir/bundle.ts';
import { expectCoding, expectSingleValue } from '../../src/rules/values.ts';
import type { CertbenchWorld } from '../../src/steps-api/world.ts';
import { documentReferenceOf, latestDocument, latestVersion } from './state.ts';

defineParameterType({
  name: 'shared',
  regexp: /the document|the sharing metadata/,
  transformer: (s: string) => s,
});

async function target(world: CertbenchWorld, which: string): Promise<Resource> {
  return which === 'the sharing metadata'
    ? documentReferenceOf(await latestVersion(world))
    : latestDocument(world);
}

Then(
  'in {shared}, {string} is {string}',
  async function (this: CertbenchWorld, which: string, path: string, expected: string) {
    this.verify(`${path} = "${expected}"`, expectSingleValue(await target(this, which), path, expected), {
      location: path,
      expected,
    });
  },
);

Then(
  'in {shared}, {string} has the coding {string} {string}',
  async function (this: CertbenchWorld, which: string, path: string, system: string, code: string) {
    this.verify(
      `${path} has ${system}|${code}`,
      expectCoding(await target(this, which), path, system, code),
      {
        location: path,
        expected: `${system}|${code}`,
      },
    );
  },
);
