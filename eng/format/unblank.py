# Drop the blank line `dotnet format` puts after a block it has just braced (keeps the code's own spacing).
import difflib, subprocess, sys
files = subprocess.run(['git','diff','--name-only','--','*.cs'],capture_output=True,text=True).stdout.split()
total=0
for f in files:
    old = subprocess.run(['git','show','HEAD:'+f],capture_output=True,text=True).stdout.splitlines(keepends=True)
    new = open(f).read().splitlines(keepends=True)
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    added=set()
    for tag,i1,i2,j1,j2 in sm.get_opcodes():
        if tag in ('insert','replace'):
            added.update(range(j1,j2))
    drop=set()
    for j in added:
        if new[j].strip()=='' and j>0 and (j-1) in added and new[j-1].strip()=='}':
            # keep it when the next line closes a block or is already blank
            nxt = new[j+1].strip() if j+1 < len(new) else ''
            if nxt=='' or nxt.startswith('}'):
                continue
            drop.add(j)
    if drop:
        total+=len(drop)
        open(f,'w').write(''.join(l for k,l in enumerate(new) if k not in drop))
print('dropped',total)
