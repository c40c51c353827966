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

# ALAC in MP4 (iTunes-built libraries are full of it): Chromium and Firefox can't play it, so it
# goes through the transcoder.
mk h-minor.m4a 246.94 293.66 369.99 -c:a alac -ar 22050 -ac 1 -sample_fmt s16p
mk e-flat.m4a 155.56 196 233.08 -c:a alac -ar 22050 -ac 1 -sample_fmt s16p

# A hi-res FLAC (24-bit, 48 kHz, stereo, with a noise floor so it can't compress): about
# 1.8 Mbps, more than Plex Relay carries (1 Mbps free, 2 Mbps with Plex Pass) once anything else
# shares the link. 24 s long, for the "plays over the relay without waiting" test.
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "aevalsrc=exprs='0.3*sin(2*PI*196*t)+0.2*sin(2*PI*246.94*t)|0.3*sin(2*PI*293.66*t)+0.2*sin(2*PI*196*t)':s=48000:d=24" \
  -f lavfi -i "anoisesrc=color=white:amplitude=0.02:sample_rate=48000:duration=24:seed=7" \
  -f lavfi -i "anoisesrc=color=white:amplitude=0.02:sample_rate=48000:duration=24:seed=11" \
  -filter_complex "[1][2]join=inputs=2:channel_layout=stereo[n];[0][n]amix=inputs=2:weights=1 1:normalize=0,afade=t=out:st=23.8:d=0.2" \
  -c:a flac -sample_fmt s32 -bits_per_raw_sample 24 studio-hi-res.flac

# What the fake's transcoder streams: each file as constant-bitrate MP3 with no XING/Info header
# and no ID3 tag, as Plex's universal transcoder sends it (a stream: the element can't know its
# duration), cut at frame boundaries for `offset`.
mkdir -p transcoded
for f in *.mp3 *.m4a *.flac *.opus; do
  ffmpeg -hide_banner -loglevel error -y -i "$f" -ar 44100 -ac 2 -c:a libmp3lame -b:a 128k \
    -write_xing 0 -id3v2_version 0 -write_id3v1 0 -map_metadata -1 "transcoded/${f%.*}.mp3"
done
