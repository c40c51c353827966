#!/usr/bin/env bash
# Regenerates the demo library's audio: eight 8-second chords, two per codec the fake serves
# (MP3, AAC in MP4, FLAC, Opus in Ogg). Needs ffmpeg (Debian package). The files are committed.
set -euo pipefail
cd "$(dirname "$0")"
mk() {
  local name=$1 f1=$2 f2=$3 f3=$4; shift 4
  local left="(0.22*sin(2*PI*$f1*t)+0.16*sin(2*PI*$f2*t)+0.12*sin(2*PI*$f3*t))*(0.6+0.4*sin(2*PI*0.5*t))"
  local right="(0.22*sin(2*PI*$f1*t)+0.12*sin(2*PI*$f2*t)+0.16*sin(2*PI*$f3*t))*(0.6+0.4*cos(2*PI*0.5*t))"
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "aevalsrc=exprs='$left|$right':s=44100:d=8" \
    -af "afade=t=in:d=0.05,afade=t=out:st=7.9:d=0.1" "$@" "$name"
}
mk a-major.mp3 220 277.18 329.63 -c:a libmp3lame -b:a 96k
mk c-major.mp3 261.63 329.63 392 -c:a libmp3lame -b:a 96k
mk e-minor.m4a 164.81 196 246.94 -c:a aac -b:a 96k
mk g-major.m4a 196 246.94 293.66 -c:a aac -b:a 96k
mk d-major.flac 146.83 185 220 -c:a flac -ar 22050 -ac 1 -sample_fmt s16
mk f-major.flac 174.61 220 261.63 -c:a flac -ar 22050 -ac 1 -sample_fmt s16
mk a-minor.opus 220 261.63 329.63 -c:a libopus -b:a 64k
mk b-flat.opus 233.08 293.66 349.23 -c:a libopus -b:a 64k
