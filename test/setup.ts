import { after, describe, it } from 'mocha';
import { RuleTester } from '@typescript-eslint/rule-tester';

// RuleTester needs the test framework's hooks; mocha provides them as globals, but afterAll has another name.
RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
