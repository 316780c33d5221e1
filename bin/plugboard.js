#!/usr/bin/env node
import "../dist/plugboard.js";
